using System.Text.Json;
using System.Text.Json.Serialization;

namespace TruthGraph.ServiceDefaults.UnitTests;

/// <summary>An enum's wire names come from its own converter, whether members are named one by one or by a policy.</summary>
public sealed class WireNamesTests
{
    [JsonConverter(typeof(JsonStringEnumConverter<Named>))]
    public enum Named
    {
        [JsonStringEnumMemberName("first-one")] First,
        [JsonStringEnumMemberName("SECOND")] Second,
    }

    public sealed class SnakeCase<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower) where T : struct, Enum;

    [JsonConverter(typeof(SnakeCase<ByPolicy>))]
    public enum ByPolicy
    {
        NotStarted,
        Done,
    }

    [Fact]
    public void Names_are_what_json_writes_and_parse_back()
    {
        Assert.Equal(["first-one", "SECOND"], WireNames<Named>.All);
        Assert.Equal("not_started", ByPolicy.NotStarted.WireName());
        Assert.Equal(ByPolicy.Done, WireNames<ByPolicy>.Parse("done"));
        Assert.Equal($"\"{Named.Second.WireName()}\"", JsonSerializer.Serialize(Named.Second));
    }

    [Theory]
    [InlineData("First")]
    [InlineData("first")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_wire_name_is_refused(string? name)
    {
        Assert.False(WireNames<Named>.TryParse(name, out _));
        if (name is not null)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => WireNames<Named>.Parse(name));
            Assert.Contains("first-one, SECOND", error.Message);
        }
    }
}
