"""Templates precompiled by ``python -m botkit.template_compiler``: do not edit."""
# One module per template:
#   curl/oneline.sh.j2
#   curl/readme.sh.j2
#   recipes/script.sh.j2
