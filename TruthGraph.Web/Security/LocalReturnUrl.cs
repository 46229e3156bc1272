namespace TruthGraph.Web.Security;

/// <summary>Where sign-in and sign-out may send the browser back to: a path on this site only, never another host.</summary>
public static class LocalReturnUrl
{
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    // "//host" and "/\host" are read by browsers as another host; anything not starting with one "/" is absolute or odd.
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
