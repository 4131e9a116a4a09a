terraform {
  backend "s3" {
    bucket = "acme-podinfo-tfstate"
    key    = "cluster.tfstate"
    region = "eu-west-1"
  }
}

resource "terraform_data" "eks" {
  input = { name = "podinfo", version = "1.31" }
}
