# Was a terragrunt unit (terragrunt.hcl with include and inputs); now a plain root module that tofu runs as is.
terraform {
  backend "gcs" {}
}

variable "cidr" { type = string }

module "network" {
  source = "../../../modules/network"
  name   = "staging"
  cidr   = var.cidr
}
