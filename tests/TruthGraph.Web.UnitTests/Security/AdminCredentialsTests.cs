using Microsoft.Extensions.Configuration;
using TruthGraph.Web.Security;

namespace TruthGraph.Web.UnitTests.Security;

public sealed class AdminCredentialsTests
{
    private static AdminCredentials With(string? apiKey, string? password) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Microsoft.Extensions.Hosting.ApiKeyDefaults.ConfigurationKey] = apiKey,
            [AdminDefaults.PasswordConfigurationKey] = password,
        })
        .Build());

    [Fact]
    public void The_key_and_the_password_each_sign_in_and_say_which_was_used()
    {
        var credentials = With("the-api-key", "correct horse battery staple");

        Assert.Equal("api-key", credentials.Match("the-api-key"));
        Assert.Equal("admin-password", credentials.Match("correct horse battery staple"));
        Assert.Null(credentials.Match("the-api-ke"));
        Assert.Null(credentials.Match("THE-API-KEY"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void With_nothing_configured_nothing_signs_in_not_even_an_empty_secret(string? configured)
    {
        var credentials = With(configured, configured);

        Assert.False(credentials.CanSignIn);
        Assert.Null(credentials.Match(""));
        Assert.Null(credentials.Match(null));
        Assert.Null(credentials.Match("anything"));
    }

    [Fact]
    public void The_password_alone_is_enough_to_sign_in()
    {
        var credentials = With(null, "only-a-password");

        Assert.True(credentials.CanSignIn);
        Assert.Equal("admin-password", credentials.Match("only-a-password"));
        Assert.Null(credentials.ApiKey);
    }
}
