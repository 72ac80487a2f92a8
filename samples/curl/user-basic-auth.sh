curl -u 'support@acme.example:p@ss:w0rd!' https://api.example.com/v1/agents
