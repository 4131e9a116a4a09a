# app in prod
