namespace TruthGraph.EndToEndTests;

/// <summary>
/// An admin chooses on the Models page which NLI model verification uses; the choice is kept in PostgreSQL, so the API
/// answers with it from then on. Anonymous visitors see the choice and cannot change it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DefaultNliModelTests(AppFixture fixture, BrowserFixture browser)
{
    private const string CrossEncoder = "nli-minilm-cross";
    private const string FastHead = "nli-minilm-head";

    [Fact]
    public async Task An_admin_switches_verification_to_the_fast_head_on_the_models_page_and_verify_then_uses_it()
    {
        await fixture.WaitForSampleCorpusAsync();
        using var admin = fixture.App.CreateAdminClient("api");
        try
        {
            var page = await browser.NewAdminPageAsync(fixture.WebUrl("/account/signin"));
            await page.GotoAsync(fixture.WebUrl("/models"));
            await Assertions.Expect(page.GetByTestId("default-nli-model-id")).ToHaveTextAsync(CrossEncoder, new() { Timeout = 30_000 });

            await page.GetByTestId("default-nli-model-select").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = FastHead }).ClickAsync();
            await page.GetByTestId("default-nli-model-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("default-nli-model-id")).ToHaveTextAsync(FastHead, new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("default-nli-model")).ToContainTextAsync("chosen by an admin");
            // At 1,400 px the whole table fits: no column or button is pushed past the card's edge.
            await page.SetViewportSizeAsync(1400, 900);
            var table = await page.GetByTestId("models-table").BoundingBoxAsync();
            var lastButton = await page.GetByTestId("model-unload").Last.BoundingBoxAsync();
            Assert.True(lastButton!.X + lastButton.Width <= table!.X + table.Width + 1, $"Unload ends at {lastButton.X + lastButton.Width:F0} px, the table at {table.X + table.Width:F0} px");
            await BrowserFixture.SaveScreenshotAsync(page, "models-page-1400");

            using var api = fixture.CreateHttpClient("api");
            using var verified = await api.PostAsJsonAsync("/api/verify", new { claim = $"Water boils at 100 degrees Celsius at sea level ({Guid.NewGuid():N})." });
            verified.EnsureSuccessStatusCode();
            var result = await verified.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(FastHead, result.GetProperty("models").GetProperty("nli").GetString());
            var status = await api.GetFromJsonAsync<JsonElement>("/api/status");
            Assert.Equal(FastHead, status.GetProperty("verification").GetProperty("nliModel").GetString());
        }
        finally
        {
            // The app is shared by the collection: every other test expects the configured cross-encoder.
            (await admin.PutAsJsonAsync("/api/settings/nli-model", new { nliModel = CrossEncoder })).EnsureSuccessStatusCode();
        }
        var restored = await fixture.CreateHttpClient("api").GetFromJsonAsync<JsonElement>("/api/settings/nli-model");
        Assert.Equal("configured", restored.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_change_the_model_and_a_model_that_is_not_selectable_is_refused_by_field()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/models"));
        await Assertions.Expect(page.GetByTestId("default-nli-model-id")).ToHaveTextAsync(CrossEncoder, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("default-nli-model-save")).ToBeDisabledAsync();

        using var anonymous = fixture.CreateHttpClient("api");
        using var refused = await anonymous.PutAsJsonAsync("/api/settings/nli-model", new { nliModel = FastHead });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var admin = fixture.App.CreateAdminClient("api");
        using var unknown = await admin.PutAsJsonAsync("/api/settings/nli-model", new { nliModel = "cross-encoder-nli-deberta-v3-xsmall" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("nliModel", out _));
        Assert.Equal(CrossEncoder, (await anonymous.GetFromJsonAsync<JsonElement>("/api/settings/nli-model")).GetProperty("nliModel").GetString());
    }
}
