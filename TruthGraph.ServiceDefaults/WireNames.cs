using System.Text.Json;

namespace TruthGraph.ServiceDefaults;

/// <summary>
/// The names an enum's members have in JSON, as its own converter writes them (<c>[JsonStringEnumMemberName]</c> or a
/// naming policy): the same strings then serve as database values, route segments and query values.
/// </summary>
public static class WireNames<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> NameOf = Enum.GetValues<T>().ToDictionary(value => value, value =>
        JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value))
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{value} has no JSON name."));

    private static readonly Dictionary<string, T> ValueOf = NameOf.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Every name, in the order of the members.</summary>
    public static IReadOnlyCollection<string> All => ValueOf.Keys;

    public static string Of(T value) => NameOf[value];

    public static bool TryParse(string? name, out T value) => ValueOf.TryGetValue(name ?? "", out value);

    public static T Parse(string name) => TryParse(name, out var value)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(name), name, $"not a {typeof(T).Name}: one of {string.Join(", ", All)}");
}

public static class WireNameExtensions
{
    /// <summary>The member's JSON name (see <see cref="WireNames{T}"/>).</summary>
    public static string WireName<T>(this T value) where T : struct, Enum => WireNames<T>.Of(value);
}
