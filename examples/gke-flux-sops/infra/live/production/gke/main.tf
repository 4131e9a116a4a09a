# Was a terragrunt unit (terragrunt.hcl with include and inputs); now a plain root module that tofu runs as is.
terraform {
  backend "gcs" {}
}

variable "network" { type = string }

module "gke" {
  source  = "../../../modules/gke"
  name    = "production"
  network = var.network
}
