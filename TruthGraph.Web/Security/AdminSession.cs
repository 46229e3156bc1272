using Microsoft.AspNetCore.Components.Authorization;

namespace TruthGraph.Web.Security;

/// <summary>
/// Whether the user of this circuit (or request) is a signed-in admin, and so whether the typed clients may send the
/// API key. A circuit can invoke any handler whatever the markup shows, so the key itself is only handed out here.
/// </summary>
public sealed class AdminSession(AuthenticationStateProvider authentication, AdminCredentials credentials)
{
    public async Task<bool> IsAdminAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.IsInRole(AdminDefaults.Role);

    /// <summary>The API key for an admin's request; null for anyone else, whose admin calls the services then refuse (401).</summary>
    public async Task<string?> ApiKeyAsync() => await IsAdminAsync() ? credentials.ApiKey : null;

    /// <summary>Adds the key to <paramref name="request"/> when the user is an admin.</summary>
    public async Task<HttpRequestMessage> AuthorizeAsync(HttpRequestMessage request)
    {
        if (await ApiKeyAsync() is { } key)
        {
            request.Headers.Add(ApiKeyDefaults.HeaderName, key);
        }
        return request;
    }
}
