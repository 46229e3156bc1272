using TruthGraph.Inference.Onnx.Adapters;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Export;

/// <summary>One adapter file and its share of a <see cref="AdapterSoup"/>.</summary>
public sealed record WeightedAdapter(byte[] File, double Weight);

/// <summary>
/// A weighted average of adapters fine-tuned from the same starting adapter (a "model soup"): every trained vector and
/// the head are averaged, and each LoRA update ΔW = s·Aᵀ·Bᵀ is averaged as a matrix, then factored again by a truncated
/// SVD to <c>rank</c> (0 keeps the exact sum by stacking the factors, rank = the sum of the ranks). Averaging the A and
/// B factors separately would not average the updates, since their product is not linear in them.
/// Cost at inference: none, the result is one adapter of the usual shape.
/// </summary>
public static class AdapterSoup
{
    public static byte[] Mix(IReadOnlyList<WeightedAdapter> adapters, int rank)
    {
        if (adapters.Count == 0)
        {
            throw new ArgumentException("A soup needs at least one adapter.");
        }
        var total = adapters.Sum(a => a.Weight);
        if (total <= 0 || adapters.Any(a => a.Weight < 0))
        {
            throw new ArgumentException("Soup weights must be non-negative with a positive sum.");
        }
        var files = adapters.Select(a => SafeTensorsFile.Read(a.File)).ToList();
        var shares = adapters.Select(a => a.Weight / total).ToArray();
        var metadata = files[0].Metadata;
        foreach (var (_, other) in files.Skip(1))
        {
            foreach (var key in new[] { AdapterTensorNames.BaseSha256Key, AdapterTensorNames.LoraScaleKey, AdapterTensorNames.LabelsKey, AdapterTensorNames.PoolingKey })
            {
                if (other.GetValueOrDefault(key) != metadata.GetValueOrDefault(key))
                {
                    throw new InvalidDataException($"The adapters differ in '{key}': only adapters of one base and one LoRA scale can be mixed.");
                }
            }
        }
        var names = files[0].Tensors.Keys.ToList();
        if (files.Any(f => f.Tensors.Count != names.Count || names.Any(n => !f.Tensors.ContainsKey(n))))
        {
            throw new InvalidDataException("The adapters do not hold the same tensors.");
        }

        var output = new List<NamedTensor>();
        foreach (var name in names)
        {
            if (name.StartsWith(AdapterTensorNames.LoraPrefix, StringComparison.Ordinal))
            {
                if (name.EndsWith(".a", StringComparison.Ordinal))
                {
                    var weight = name[AdapterTensorNames.LoraPrefix.Length..^2];
                    output.AddRange(MixLora(files.Select(f => f.Tensors).ToList(), shares, weight, rank));
                }
                continue;
            }
            var values = new float[files[0].Tensors[name].Values.Length];
            for (var i = 0; i < files.Count; i++)
            {
                var source = files[i].Tensors[name].Values;
                for (var j = 0; j < values.Length; j++)
                {
                    values[j] += (float)(shares[i] * source[j]);
                }
            }
            output.Add(new NamedTensor(name, files[0].Tensors[name].Shape, values, files[0].Tensors[name].StoredAsHalf));
        }
        return SafeTensorsFile.Write(output, metadata);
    }

    private static IEnumerable<NamedTensor> MixLora(IReadOnlyList<IReadOnlyDictionary<string, NamedTensor>> files, double[] shares, string weight, int rank)
    {
        using var scope = NewDisposeScope();
        var aName = AdapterTensorNames.LoraA(weight);
        var bName = AdapterTensorNames.LoraB(weight);
        // Stacked factors give the exact weighted sum: Σ wᵢ·Aᵢᵀ·Bᵢᵀ = [A₁;…;Aₖ]ᵀ·[w₁B₁ … wₖBₖ]ᵀ.
        var a = cat(files.Select(f => Tensor(f[aName])).ToList(), 0);
        var b = cat(files.Select((f, i) => Tensor(f[bName]).mul(shares[i])).ToList(), 1);
        if (rank <= 0 || rank >= a.shape[0])
        {
            return [Named(aName, a), Named(bName, b)];
        }
        // Truncated SVD of the mixed update ΔW/s = Aᵀ·Bᵀ (float64 for a stable factorisation), split evenly between the factors.
        var delta = a.t().to_type(ScalarType.Float64).matmul(b.t().to_type(ScalarType.Float64));
        var (u, s, vh) = linalg.svd(delta, fullMatrices: false);
        var root = s.narrow(0, 0, rank).sqrt();
        var newA = u.narrow(1, 0, rank).mul(root).t();
        var newB = vh.narrow(0, 0, rank).t().mul(root);
        return [Named(aName, newA.to_type(ScalarType.Float32)), Named(bName, newB.to_type(ScalarType.Float32))];
    }

    private static Tensor Tensor(NamedTensor source) => tensor(source.Values, source.Shape);

    private static NamedTensor Named(string name, Tensor value)
    {
        using var contiguous = value.contiguous();
        return new NamedTensor(name, contiguous.shape, contiguous.data<float>().ToArray());
    }
}
