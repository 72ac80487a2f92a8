curl https://api.example.com/v1/forms --form-string 'handle=@asha;type=not-a-type' --form-string 'quote=say "hi"; then <leave>'
