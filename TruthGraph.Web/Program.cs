using Microsoft.Extensions.Http.Resilience;
using MudBlazor.Services;
using TruthGraph.Web.Components;
using TruthGraph.Web.Security;
using TruthGraph.Web.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Aspire runs the dashboard from its build output in the Production environment, where ASP.NET Core would
// otherwise not serve the static assets of packages (MudBlazor's CSS and JS).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.AddAdminSignIn();

// A person waits on every call the dashboard makes: when a service is down, each page should say so within about a second
// rather than after the standard handler's three retries from 2 s up (≈ 15 s of a loading bar).
builder.Services.ConfigureAll<HttpStandardResilienceOptions>(options =>
{
    options.Retry.MaxRetryAttempts = 1;
    options.Retry.Delay = TimeSpan.FromMilliseconds(300);
});

// The API key stays on this server and is sent only on a signed-in admin's admin calls (AdminSession): anonymous
// visitors read, search and verify, and whatever they invoke on a circuit reaches the services without the key.
void Address(HttpClient client, string service) =>
    // "https+http://api" lets service discovery pick the service's https endpoint when it has one, else http.
    client.BaseAddress = new Uri($"https+http://{service}");
// Verification is open to everyone, but the API limits callers without the key per address, and behind this dashboard
// every visitor shares one address: its verification client (which has no admin calls) sends the key so the API
// treats the dashboard as one trusted caller, as it did before admin sign-in existed.
var apiKey = builder.Configuration[ApiKeyDefaults.ConfigurationKey];
builder.Services.AddHttpClient<TruthGraphApiClient>(client =>
{
    Address(client, "api");
    if (!string.IsNullOrEmpty(apiKey))
    {
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
    }
});
builder.Services.AddHttpClient<EvidenceApiClient>(client => Address(client, "api"));
builder.Services.AddHttpClient<SettingsApiClient>(client => Address(client, "api"));
// The Models page talks to the inference service directly: the API has no reason to proxy model management.
builder.Services.AddHttpClient<InferenceClient>(client => Address(client, "inference"));
builder.Services.AddHttpClient<TraceApiClient>(client => Address(client, "api"));
// Performance jobs: no resilience handler, since a retried POST would start a second measurement and the handler's
// timeouts would cut a progress stream; plain calls still give up after the client's timeout (headers only, for streams).
#pragma warning disable EXTEXP0001 // experimental, but the documented way to undo ConfigureHttpClientDefaults for one client
builder.Services.AddHttpClient<PerformanceApiClient>(client =>
{
    Address(client, "api");
    client.Timeout = TimeSpan.FromSeconds(30);
}).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
builder.Services.AddHttpClient(ServiceReachability.ApiProbe, client => client.BaseAddress = new Uri("https+http://api"));
builder.Services.AddHttpClient(ServiceReachability.InferenceProbe, client => client.BaseAddress = new Uri("https+http://inference"));
builder.Services.AddSingleton<ServiceReachability>();
builder.Services.AddSingleton(new AspireDashboardLinks(builder.Configuration["AspireDashboard:Url"]));

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdminSignOut();
// Browsers and tools ask for /favicon.ico whatever the page links; the icon is the SVG the pages link to.
app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).ExcludeFromDescription();
// A profile's sampling file, passed through from the API: the browser cannot reach the API's internal address.
app.MapGet("/performance/profiles/{id:guid}/trace", async (Guid id, PerformanceApiClient perf, CancellationToken cancellationToken) =>
    await perf.GetProfileTraceAsync(id, cancellationToken) is { } file
        ? Results.File(file.Content, "application/json", file.FileName)
        : Results.NotFound());
// Exports from History, passed through from the API (the browser cannot reach its internal address): the filters are the page's.
app.MapGet("/history/export", async (TruthGraphApiClient api, CancellationToken cancellationToken, string? format, string? verdict, string? q,
    DateTime? from, DateTime? to) =>
{
    try
    {
        var file = await api.ExportVerificationsAsync(format ?? "csv", new HistoryFilter(verdict, q, from, to), cancellationToken);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
    catch (ApiProblemException ex)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
    }
}).ExcludeFromDescription();
app.MapGet("/history/labels", async (TruthGraphApiClient api, CancellationToken cancellationToken) =>
{
    var file = await api.ExportVerdictLabelsAsync(cancellationToken);
    return Results.File(file.Content, file.ContentType, file.FileName);
}).ExcludeFromDescription();
app.MapDefaultEndpoints();

app.Run();
