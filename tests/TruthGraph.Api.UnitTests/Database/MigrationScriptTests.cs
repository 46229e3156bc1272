using TruthGraph.Api.Database;

namespace TruthGraph.Api.UnitTests.Database;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Migrations_are_embedded_in_name_order_and_create_the_vector_schema()
    {
        var scripts = DatabaseMigrator.LoadScripts().ToList();

        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Select(s => s.Name).Order(StringComparer.Ordinal), scripts.Select(s => s.Name));
        var initial = scripts[0];
        Assert.Equal("0001_initial", initial.Name);
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS vector", initial.Sql);
        Assert.Contains("vector(384)", initial.Sql);
        Assert.Contains("USING hnsw (embedding vector_cosine_ops)", initial.Sql);
    }
}
