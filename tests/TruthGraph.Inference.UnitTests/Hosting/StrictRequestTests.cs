using System.ClientModel;
using System.Text;
using OpenAI;

namespace TruthGraph.Inference.UnitTests.Hosting;

/// <summary>
/// The inference service reads request bodies strictly (an unknown member is a 400 that names it) and answers
/// problems on /v1/* with OpenAI's error object beside RFC 7807's members.
/// </summary>
[Collection(CpuHostCollection.Name)]
public sealed class StrictRequestTests(CpuHostFixture fixture)
{
    private InferenceHost Host => fixture.Host;

    [Theory]
    [InlineData("/v1/embeddings", """{"input": "Sea levels rise.", "top_k": 3}""", "$.top_k")]
    [InlineData("/v1/embeddings", """{"input": "Sea levels rise.", "dimension": 384}""", "$.dimension")]
    [InlineData("/v1/nli", """{"pairs": [{"premise": "P.", "hypothesis": "H."}], "topK": 3}""", "$.topK")]
    [InlineData("/v1/nli", """{"pairs": [{"premise": "P.", "hypothesis": "H.", "label": "entailment"}]}""", "$.pairs[0].label")]
    public async Task An_unknown_member_is_refused_with_a_problem_that_names_it(string path, string json, string field)
    {
        using var response = await PostAsync(path, json);
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;
        Assert.Contains("is not a member of this request", reason);
        var error = problem.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(field[2..], error.GetProperty("param").GetString());
        Assert.Contains(field[2..], error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_top_level_unknown_member_is_answered_with_the_members_the_request_has()
    {
        using var response = await PostAsync("/v1/nli", """{"pairs": [{"premise": "P.", "hypothesis": "H."}], "top_k": 3}""");
        var reason = (await ProblemAsync(response)).GetProperty("errors").GetProperty("$.top_k")[0].GetString();

        Assert.Contains("Its members are: pairs, model.", reason);
    }

    [Fact]
    public async Task OpenAIs_own_optional_members_are_accepted()
    {
        using var response = await PostAsync("/v1/embeddings",
            """{"input": "Sea levels rise.", "model": "all-minilm-l6-v2", "user": "someone", "dimensions": 384, "encoding_format": "float"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_official_openai_client_says_why_a_model_is_unknown()
    {
        var client = new OpenAIClient(new ApiKeyCredential("not-needed"), new OpenAIClientOptions { Endpoint = new Uri(Host.Address, "/v1") });

        var failure = await Assert.ThrowsAsync<ClientResultException>(() => client.GetEmbeddingClient("no-such-model").GenerateEmbeddingAsync("x"));

        Assert.Equal(404, failure.Status);
        Assert.Contains("Model 'no-such-model' is not in the model catalogue", failure.Message);
        Assert.Contains("model_not_found", failure.Message);
    }

    [Fact]
    public async Task A_problem_keeps_its_RFC_7807_members_beside_OpenAIs_error()
    {
        using var response = await PostAsync("/v1/embeddings", """{"input": "x", "model": "no-such-model"}""");
        var problem = await ProblemAsync(response);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Unknown model", problem.GetProperty("title").GetString());
        Assert.Equal("no-such-model", problem.GetProperty("model").GetString());
        var error = problem.GetProperty("error");
        Assert.Equal(problem.GetProperty("detail").GetString(), error.GetProperty("message").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Host.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
