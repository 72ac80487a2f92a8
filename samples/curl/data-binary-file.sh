curl -X POST https://api.example.com/v1/upload -H 'Content-Type: text/plain' --data-binary @crlf.txt
