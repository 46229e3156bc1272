using System.Text.Json;
using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.UnitTests.Cache;

/// <summary>The one owner of a model's run batch size: which source wins, and what comes back when one goes away.</summary>
public sealed class BatchSizeSettingTests
{
    [Fact]
    public void Each_stronger_source_hides_the_weaker_ones_sweep_over_runtime_over_tuned_over_configured_over_default()
    {
        var setting = new BatchSizeSetting(configured: null);
        Assert.Equal(new BatchSizeChoice(BatchSizeSetting.DefaultBeforeLoad, BatchSizeSource.Default), setting.Choice);

        setting.Loaded(deviceDefault: 16, tunedForDevice: null);
        Assert.Equal(new BatchSizeChoice(16, BatchSizeSource.Default), setting.Choice);

        var configured = new BatchSizeSetting(configured: 8);
        configured.Loaded(deviceDefault: 16, tunedForDevice: null);
        Assert.Equal(new BatchSizeChoice(8, BatchSizeSource.Configured), configured.Choice);

        configured.Loaded(deviceDefault: 16, tunedForDevice: 4);
        Assert.Equal(new BatchSizeChoice(4, BatchSizeSource.Tuned), configured.Choice);

        configured.SetRuntime(3);
        Assert.Equal(new BatchSizeChoice(3, BatchSizeSource.Runtime), configured.Choice);
        // A reload keeps the run-time size: it is stronger than whatever the load finds for the device.
        configured.Loaded(deviceDefault: 64, tunedForDevice: 128);
        Assert.Equal(new BatchSizeChoice(3, BatchSizeSource.Runtime), configured.Choice);

        using (configured.BeginSweepOverride(256))
        {
            Assert.Equal(new BatchSizeChoice(256, BatchSizeSource.Sweep), configured.Choice);
        }
        Assert.Equal(new BatchSizeChoice(3, BatchSizeSource.Runtime), configured.Choice);
    }

    [Fact]
    public void A_tuned_size_applied_after_a_run_time_size_replaces_it_and_a_load_on_a_device_without_one_uncovers_the_configured_size()
    {
        var setting = new BatchSizeSetting(configured: 8);
        setting.SetRuntime(3);
        setting.ApplyTuned(32);
        Assert.Equal(new BatchSizeChoice(32, BatchSizeSource.Tuned), setting.Choice);

        setting.Loaded(deviceDefault: 64, tunedForDevice: null);
        Assert.Equal(new BatchSizeChoice(8, BatchSizeSource.Configured), setting.Choice);
    }

    [Fact]
    public async Task A_sweep_override_is_lifted_when_the_measurement_throws_and_a_size_set_during_the_sweep_survives_it()
    {
        var setting = new BatchSizeSetting();
        setting.Loaded(deviceDefault: 16, tunedForDevice: null);

        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            using var sweep = setting.BeginSweepOverride(512);
            Assert.Equal(512, setting.Current);
            setting.SetRuntime(6); // an operator's change while the sweep measures does not show until the sweep ends
            Assert.Equal(512, setting.Current);
            await Task.Yield();
            throw new OperationCanceledException("the client hung up");
        });

        Assert.Equal(new BatchSizeChoice(6, BatchSizeSource.Runtime), setting.Choice);
    }

    [Fact]
    public void Overrides_ended_out_of_order_leave_the_latest_one_still_running_in_force()
    {
        var setting = new BatchSizeSetting(configured: 8);
        var first = setting.BeginSweepOverride(2);
        var second = setting.BeginSweepOverride(4);

        first.Dispose();
        Assert.Equal(new BatchSizeChoice(4, BatchSizeSource.Sweep), setting.Choice);
        second.Dispose();
        second.Dispose(); // twice is harmless
        Assert.Equal(new BatchSizeChoice(8, BatchSizeSource.Configured), setting.Choice);
    }

    [Fact]
    public void Sizes_below_one_are_refused_by_every_writer()
    {
        var setting = new BatchSizeSetting();
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSizeSetting(configured: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => setting.SetRuntime(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => setting.ApplyTuned(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => setting.Loaded(0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => setting.BeginSweepOverride(0));
        Assert.Equal(new BatchSizeChoice(BatchSizeSetting.DefaultBeforeLoad, BatchSizeSource.Default), setting.Choice);
    }

    [Theory]
    [InlineData(BatchSizeSource.Default, "default")]
    [InlineData(BatchSizeSource.Configured, "configured")]
    [InlineData(BatchSizeSource.Tuned, "tuned")]
    [InlineData(BatchSizeSource.Runtime, "runtime")]
    [InlineData(BatchSizeSource.Sweep, "sweep")]
    public void The_source_goes_on_the_wire_as_the_lower_case_name_clients_already_read(BatchSizeSource source, string wire)
    {
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(source, JsonSerializerOptions.Web));
        Assert.Equal(source, JsonSerializer.Deserialize<BatchSizeSource>($"\"{wire}\"", JsonSerializerOptions.Web));
    }
}
