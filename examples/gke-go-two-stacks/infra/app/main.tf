# app: the service's own resources and its Helm releases, on the clusters base made.
terraform {
  required_version = ">= 1.6"
  backend "gcs" {
    bucket = "acme-orders-tfstate"
    prefix = "app"
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "database" {
  input = {
    name     = "orders"
    password = var.db_password
  }
}
