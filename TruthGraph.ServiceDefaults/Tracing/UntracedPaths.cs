using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;

namespace TruthGraph.ServiceDefaults.Tracing;

/// <summary>
/// Request paths that get no server span: health probes every few seconds, and the trace endpoints themselves
/// (reading the recent traces must not push the traces a user came to read out of the buffer).
/// </summary>
public sealed class UntracedPaths
{
    private ImmutableArray<PathString> _paths = ["/health", "/alive"];

    public void Add(PathString path) => ImmutableInterlocked.Update(ref _paths, paths => paths.Contains(path) ? paths : paths.Add(path));

    public bool ShouldTrace(HttpContext context)
    {
        foreach (var path in _paths)
        {
            if (context.Request.Path.StartsWithSegments(path))
            {
                return false;
            }
        }
        return true;
    }
}
