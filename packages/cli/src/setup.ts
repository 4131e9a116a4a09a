console.log("root action placeholder")
