// Command web serves the catalogue page.
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("catalogue\n")) })
	log.Fatal(http.ListenAndServe(":8080", nil))
}
