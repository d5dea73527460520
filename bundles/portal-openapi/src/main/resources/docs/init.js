// swagger-ui on the portal's live description (a file, not an inline script, so a strict CSP can allow it).
window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
});
