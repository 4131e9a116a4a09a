network = "production"
