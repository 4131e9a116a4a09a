# State and workspace variables live in HCP Terraform (the cloud block); runs execute there too.
terraform {
  required_version = ">= 1.6"
  cloud {
    organization = "acme"
    workspaces {
      name = "catalogue-prod"
    }
  }
}

variable "image" {
  description = "The image to run, by digest (ghcr.io/acme/catalogue@sha256:…)."
  type        = string
}

# Stands for the GKE deployment of the image (a kubernetes_deployment or helm_release in the real system).
resource "terraform_data" "deployment" {
  input = {
    name  = "catalogue"
    image = var.image
  }
}
