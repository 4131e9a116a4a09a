terraform {
  backend "s3" {
    bucket = "acme-podinfo-tfstate"
    key    = "network.tfstate"
    region = "eu-west-1"
  }
}

resource "terraform_data" "vpc" {
  input = { cidr = "10.40.0.0/16" }
}
