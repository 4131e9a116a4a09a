variable "name" { type = string }
variable "network" { type = string }

resource "terraform_data" "cluster" {
  input = { name = var.name, network = var.network }
}
