namespace TruthGraph.Inference.Hosting;

/// <summary>What the readiness check reports: warming, ready, or failed with the reason.</summary>
public sealed class WarmUpState
{
    private volatile string _state = "pending";
    private volatile string _detail = "warm-up has not started";

    public string State => _state;
    public string Detail => _detail;

    public void Set(string state, string detail)
    {
        _detail = detail;
        _state = state;
    }
}
