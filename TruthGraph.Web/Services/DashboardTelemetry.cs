using System.Diagnostics;

namespace TruthGraph.Web.Services;

/// <summary>
/// The dashboard's own spans. Its name matches ServiceDefaults' <c>truthgraph.*</c> sources, so the OpenTelemetry
/// pipeline and the recent-span buffer pick it up without further registration.
/// </summary>
public static class DashboardTelemetry
{
    public const string SourceName = "truthgraph.dashboard";

    /// <summary>The root span of a verification started from the Verify page.</summary>
    public const string VerifyClaimSpan = "verify claim";

    /// <summary>The root span of one batch call of the Verify page's sample check.</summary>
    public const string VerifySamplesSpan = "verify sample claims";

    /// <summary>The root span of one call of the Batch page (a chunk of the user's claims).</summary>
    public const string VerifyBatchSpan = "verify batch";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts <paramref name="name"/> as the root of a new trace. Blazor runs the click handler inside its own
    /// "Event onclick -> …" span; as the parent, that would name every dashboard verification after a MudBlazor
    /// internal. The UI span stays reachable through a link instead. Disposing the span puts the UI span back as current.
    /// </summary>
    public static RootSpan StartRoot(string name)
    {
        var ui = Activity.Current;
        Activity.Current = null;
        var links = ui is null ? null : new[] { new ActivityLink(ui.Context) };
        var activity = Source.StartActivity(name, ActivityKind.Internal, parentContext: default, links: links);
        return new RootSpan(activity, ui);
    }

    /// <summary>A root span and the span that was current before it.</summary>
    public readonly struct RootSpan(Activity? activity, Activity? previous) : IDisposable
    {
        public Activity? Activity => activity;

        public void Dispose()
        {
            activity?.Dispose();
            Activity.Current = previous;
        }
    }
}
