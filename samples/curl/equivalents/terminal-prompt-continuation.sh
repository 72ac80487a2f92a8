curl -X POST https://api.example.com/v1/echo \
 -H 'Content-Type: text/plain' \
 --data-binary 'hello from the terminal'
