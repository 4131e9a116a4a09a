# app in stage
