using MudBlazor.Services;
using TruthGraph.Web.Components;
using TruthGraph.Web.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Aspire runs the dashboard from its build output in the Production environment, where ASP.NET Core would
// otherwise not serve the static assets of packages (MudBlazor's CSS and JS).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

// The API key stays on this server: the typed clients send it, so what the dashboard offers (uploads, warm-up) works
// for its users without any browser ever holding the key.
var apiKey = builder.Configuration[ApiKeyDefaults.ConfigurationKey];
void Address(HttpClient client, string service)
{
    // "https+http://api" lets service discovery pick the service's https endpoint when it has one, else http.
    client.BaseAddress = new Uri($"https+http://{service}");
    if (!string.IsNullOrEmpty(apiKey))
    {
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
    }
}
builder.Services.AddHttpClient<TruthGraphApiClient>(client => Address(client, "api"));
builder.Services.AddHttpClient<EvidenceApiClient>(client => Address(client, "api"));
// The Models page talks to the inference service directly: the API has no reason to proxy model management.
builder.Services.AddHttpClient<InferenceClient>(client => Address(client, "inference"));

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();

app.Run();
