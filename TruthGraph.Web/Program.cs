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

// "https+http://api" lets service discovery pick the API's https endpoint when it has one, else http.
builder.Services.AddHttpClient<TruthGraphApiClient>(client => client.BaseAddress = new Uri("https+http://api"));
builder.Services.AddHttpClient<EvidenceApiClient>(client => client.BaseAddress = new Uri("https+http://api"));
// The Models page talks to the inference service directly: the API has no reason to proxy model management.
builder.Services.AddHttpClient<InferenceClient>(client => client.BaseAddress = new Uri("https+http://inference"));

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
