using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TruthGraph.Web.Security;

/// <summary>The dashboard's admin sign-in: the session cookie, who may sign in, and the sign-out endpoint.</summary>
public static class AdminEndpoints
{
    public static WebApplicationBuilder AddAdminSignIn(this WebApplicationBuilder builder)
    {
        var hours = builder.Configuration.GetValue<double?>(AdminDefaults.SessionHoursConfigurationKey) ?? 8;
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = AdminDefaults.CookieName;
            options.Cookie.HttpOnly = true;
            // Strict: nothing on another site has reason to act as the admin here, so a cross-site request (a link,
            // a form) never carries the session; the admin's own navigation and the circuit's connection do.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(hours > 0 ? hours : 8);
            options.SlidingExpiration = true;
            options.LoginPath = AdminDefaults.SignInPath;
            options.AccessDeniedPath = AdminDefaults.SignInPath;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<AdminCredentials>();
        builder.Services.AddSingleton(new SignInThrottle(builder.Configuration.GetValue<int?>(AdminDefaults.FailuresPerMinuteConfigurationKey) ?? 5));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AdminSession>();
        return builder;
    }

    /// <summary>
    /// Sign-out is a POST with the form's anti-forgery token: a link or an image on another page cannot end the session.
    /// </summary>
    public static WebApplication MapAdminSignOut(this WebApplication app)
    {
        app.MapPost(AdminDefaults.SignOutPath, async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LocalReturnUrl.OrHome(returnUrl));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }
}
