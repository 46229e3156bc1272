using TruthGraph.Web.Security;

namespace TruthGraph.Web.UnitTests.Security;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/evidence", "/evidence")]
    [InlineData("/performance/sweep/1b4e28ba-2fa1-11d2-883f-0016d3cca427?x=1", "/performance/sweep/1b4e28ba-2fa1-11d2-883f-0016d3cca427?x=1")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("evidence", "/")]
    [InlineData("/evi\ndence", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Only_paths_on_this_site_are_followed(string? url, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.OrHome(url));
}
