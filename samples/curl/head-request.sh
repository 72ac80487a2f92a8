curl -I https://api.example.com/v1/files/report.pdf
