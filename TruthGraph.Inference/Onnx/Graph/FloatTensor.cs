namespace TruthGraph.Inference.Onnx.Graph;

/// <summary>A float32 tensor read out of (or to be written into) an ONNX graph: its shape and its values, row-major.</summary>
public sealed record FloatTensor(long[] Dims, float[] Values)
{
    public long ElementCount => Dims.Aggregate(1L, (product, d) => product * d);

    /// <summary>The element at (row, column) of a 2-D tensor.</summary>
    public float this[long row, long column] => Values[row * Dims[1] + column];

    /// <summary>A 2-D tensor with rows and columns swapped (Gemm's transB weights, torch's [out, in] layout).</summary>
    public FloatTensor Transpose()
    {
        if (Dims.Length != 2)
        {
            throw new InvalidOperationException($"Only a 2-D tensor can be transposed; this one has shape [{string.Join(", ", Dims)}].");
        }
        long rows = Dims[0], columns = Dims[1];
        var values = new float[Values.Length];
        for (long r = 0; r < rows; r++)
        {
            for (long c = 0; c < columns; c++)
            {
                values[c * rows + r] = Values[r * columns + c];
            }
        }
        return new FloatTensor([columns, rows], values);
    }
}
