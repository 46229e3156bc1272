namespace TruthGraph.EndToEndTests;

/// <summary><c>GET /api/evidence/sentences</c> against the sample corpus in the real database: pages, a document, bad paging.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceBrowseTests(AppFixture fixture)
{
    [Fact]
    public async Task The_sample_source_pages_through_all_its_sentences_and_one_document_lists_only_its_own()
    {
        await fixture.WaitForSampleCorpusAsync();
        using var api = fixture.CreateHttpClient("api");
        var source = Uri.EscapeDataString(TruthGraph.Api.SampleData.SampleDataFiles.CorpusSource);

        // The corpus file decides the counts: 377 sentences (8 pages of 50, the last with 27), 23 of them about physics.
        var corpus = TruthGraph.Api.SampleData.SampleDataFiles.ParseCorpus().Sentences.Select(s => s.DocumentTitle).ToList();
        var first = await api.GetFromJsonAsync<JsonElement>($"/api/evidence/sentences?source={source}&page=1&pageSize=50");
        Assert.Equal(corpus.Count, first.GetProperty("total").GetInt64());
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        var lastPage = (corpus.Count + 49) / 50;
        var last = await api.GetFromJsonAsync<JsonElement>($"/api/evidence/sentences?source={source}&page={lastPage}&pageSize=50");
        Assert.Equal(corpus.Count - (lastPage - 1) * 50, last.GetProperty("items").GetArrayLength());
        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToHashSet();
        Assert.DoesNotContain(last.GetProperty("items").EnumerateArray(), i => firstIds.Contains(i.GetProperty("id").GetInt64()));

        var physics = await api.GetFromJsonAsync<JsonElement>($"/api/evidence/sentences?source={source}&document=Physics&pageSize=200");
        Assert.Equal(corpus.Count(t => t == "Physics"), physics.GetProperty("total").GetInt64());
        Assert.All(physics.GetProperty("items").EnumerateArray(), i => Assert.Equal("Physics", i.GetProperty("documentTitle").GetString()));
        Assert.Contains(physics.GetProperty("items").EnumerateArray(), i => i.GetProperty("externalId").GetString() == "physics-001");
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("document=Physics", "source")]
    public async Task Bad_paging_is_a_problem_naming_the_field(string query, string field)
    {
        using var api = fixture.CreateHttpClient("api");
        using var response = await api.GetAsync($"/api/evidence/sentences?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
    }
}
