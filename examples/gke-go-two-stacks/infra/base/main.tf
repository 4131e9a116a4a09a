# base: the network and the two regional GKE clusters. app reads its outputs from the remote state.
terraform {
  required_version = ">= 1.6"
  backend "gcs" {
    bucket = "acme-orders-tfstate"
    prefix = "base"
  }
}

variable "regions" {
  type    = list(string)
  default = ["europe-west1", "us-central1"]
}

# Stands for google_container_cluster per region; built-in, so plan needs no provider download.
resource "terraform_data" "cluster" {
  for_each = toset(var.regions)
  input = {
    name   = "orders-${each.key}"
    region = each.key
  }
}

output "clusters" {
  value = { for region, c in terraform_data.cluster : region => c.output.name }
}
