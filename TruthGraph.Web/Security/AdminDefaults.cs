namespace TruthGraph.Web.Security;

/// <summary>Names and settings of the dashboard's admin sign-in, shared by the sign-in page, the clients and the layout.</summary>
public static class AdminDefaults
{
    /// <summary>The role a signed-in admin holds; every admin action checks it.</summary>
    public const string Role = "admin";

    public const string CookieName = "TruthGraph.Admin";

    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";

    /// <summary>An optional password an admin may sign in with instead of the API key (environment <c>Security__AdminPassword</c>).</summary>
    public const string PasswordConfigurationKey = "Security:AdminPassword";

    /// <summary>Hours a session lasts since the admin's last request (sliding); 8 by default.</summary>
    public const string SessionHoursConfigurationKey = "Security:AdminSessionHours";

    /// <summary>Failed sign-ins one address may make per minute before it is told to wait; 5 by default.</summary>
    public const string FailuresPerMinuteConfigurationKey = "Security:SignInFailuresPerMinute";
}
