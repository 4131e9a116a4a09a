# base in prod
