variable "name" { type = string }
variable "cidr" { type = string }

resource "terraform_data" "vpc" {
  input = { name = var.name, cidr = var.cidr }
}

output "network" { value = terraform_data.vpc.output.name }
