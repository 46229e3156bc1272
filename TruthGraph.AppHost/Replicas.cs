using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>How many processes of a service the AppHost runs: the setting <c>{Service}:Replicas</c>, 1 when unset.</summary>
public static class Replicas
{
    public const int Most = 16;

    public static int Read(IConfiguration configuration, string service)
    {
        var key = $"{service}:Replicas";
        if (configuration[key] is not { Length: > 0 } text)
        {
            return 1;
        }
        // A typo must stop the AppHost with the setting's name, not start one replica and leave someone measuring the wrong thing.
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= Most
            ? count
            : throw new InvalidOperationException($"{key} is '{text}': it must be a whole number from 1 to {Most}.");
    }
}
