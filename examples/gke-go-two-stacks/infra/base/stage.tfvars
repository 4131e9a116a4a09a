# base in stage
