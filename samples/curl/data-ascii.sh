curl --data-ascii 'plain=ascii' --data-ascii @body.json https://api.example.com/v1/ascii
