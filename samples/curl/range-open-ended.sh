# Resume a download by hand: curl reads "600" as "from byte 600 on" (Range: bytes=600-).
curl -r 600 -o part.log https://files.example.com/logs/app.log
