using System.Globalization;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.Inference.Onnx.Adapters;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Export;

/// <summary>
/// Loads an adapter file back into the TorchSharp model (the inverse of <see cref="AdapterExport"/>), to compare a shipped
/// artefact with ONNX Runtime or to start a later stage from it. A weight the file replaces in full is copied in; a
/// fully trained layer that the file adapts with low-rank factors starts from W + s·B·A.
/// </summary>
public static class AdapterImport
{
    /// <summary>How many top layers the file trains in full (a replaced weight for each of their 6 linear layers).</summary>
    public static int FullyTrainedLayers(byte[] adapterFile, MiniLmOnnxWeights weights)
    {
        var (tensors, _) = SafeTensorsFile.Read(adapterFile);
        return Enumerable.Range(0, MiniLmCrossEncoder.LayerCount).Reverse()
            .TakeWhile(i => tensors.ContainsKey(AdapterTensorNames.Replacement(weights[$"encoder.layer.{i}.output.dense.weight"].OnnxName)))
            .Count();
    }

    /// <summary>The LoRA settings the file was written with (rank from its factors, scale from its metadata).</summary>
    public static LoraSettings Settings(byte[] adapterFile)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(adapterFile);
        var rank = (int)(tensors.Values.FirstOrDefault(t => t.Name.StartsWith(AdapterTensorNames.LoraPrefix, StringComparison.Ordinal) && t.Name.EndsWith(".a", StringComparison.Ordinal))?.Shape[0] ?? 0);
        var scale = double.Parse(metadata[AdapterTensorNames.LoraScaleKey], CultureInfo.InvariantCulture);
        return new LoraSettings(rank, scale * rank, Dropout: 0);
    }

    public static void Apply(MiniLmCrossEncoder model, byte[] adapterFile)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(adapterFile);
        var scale = double.Parse(metadata[AdapterTensorNames.LoraScaleKey], CultureInfo.InvariantCulture);
        using var noGrad = no_grad();
        void Set(Tensor? target, string name, bool transpose = false)
        {
            var source = tensors.GetValueOrDefault(name) ?? throw new InvalidDataException($"The adapter file has no '{name}'.");
            if (target is null)
            {
                throw new InvalidDataException($"The model has no place for '{name}' (different LoRA rank?).");
            }
            using var value = tensor(source.Values, source.Shape);
            target.copy_(transpose ? value.t() : value);
        }
        foreach (var linear in model.Linears)
        {
            Set(linear.Bias, AdapterTensorNames.Replacement(linear.OnnxBiasName));
            var replaced = AdapterTensorNames.Replacement(linear.OnnxWeightName);
            if (tensors.ContainsKey(replaced))
            {
                // Stored [in, out] as the ONNX initializer; the model keeps PyTorch's [out, in].
                Set(linear.Weight, replaced, transpose: true);
            }
            else if (linear.TrainedWeight is { } weight)
            {
                var a = tensors.GetValueOrDefault(AdapterTensorNames.LoraA(linear.OnnxWeightName));
                var b = tensors.GetValueOrDefault(AdapterTensorNames.LoraB(linear.OnnxWeightName));
                if (a is not null && b is not null)
                {
                    using var delta = tensor(b.Values, b.Shape).matmul(tensor(a.Values, a.Shape)).mul_(scale);
                    weight.add_(delta);
                }
            }
            else if (linear.A is not null)
            {
                Set(linear.A, AdapterTensorNames.LoraA(linear.OnnxWeightName));
                Set(linear.B, AdapterTensorNames.LoraB(linear.OnnxWeightName));
            }
        }
        foreach (var norm in model.Norms)
        {
            Set(norm.Scale, AdapterTensorNames.Replacement(norm.OnnxScaleName));
            Set(norm.Shift, AdapterTensorNames.Replacement(norm.OnnxShiftName));
        }
        Set(model.HeadDenseWeight, AdapterTensorNames.HeadDenseWeight, transpose: true);
        Set(model.HeadDenseBias, AdapterTensorNames.HeadDenseBias);
        Set(model.HeadOutputWeight, AdapterTensorNames.HeadOutputWeight, transpose: true);
        Set(model.HeadOutputBias, AdapterTensorNames.HeadOutputBias);
    }
}
