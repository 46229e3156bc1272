using System.Security.Cryptography;
using System.Text;

namespace TruthGraph.Web.Security;

/// <summary>
/// What an admin may sign in with: the services' API key or, when configured, the admin password. With neither
/// configured nobody can sign in (there is nothing to compare with, and an empty secret must never match).
/// </summary>
public sealed class AdminCredentials(IConfiguration configuration)
{
    public string? ApiKey => NonEmpty(configuration[ApiKeyDefaults.ConfigurationKey]);

    private string? Password => NonEmpty(configuration[AdminDefaults.PasswordConfigurationKey]);

    public bool CanSignIn => ApiKey is not null || Password is not null;

    /// <summary>Which secret <paramref name="presented"/> is ("api-key", "admin-password"), or null when it is neither.</summary>
    public string? Match(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }
        // Both are compared every time, so the time taken does not tell which secret is configured.
        var isKey = Same(presented, ApiKey);
        var isPassword = Same(presented, Password);
        return isKey ? "api-key" : isPassword ? "admin-password" : null;
    }

    // Hashing first gives equal lengths, so the comparison takes the same time however much of the secret is right.
    private static bool Same(string presented, string? expected) => expected is not null && CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
