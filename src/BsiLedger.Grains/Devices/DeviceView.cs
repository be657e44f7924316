using BsiLedger.Domain.Devices;

namespace BsiLedger.Grains.Devices;

/// <summary>
/// The holder Orleans' journaled grain needs (a mutable class with a default constructor) around the
/// immutable <see cref="Device"/> record.
/// </summary>
[GenerateSerializer, Alias("bsi.device-view")]
public sealed class DeviceView
{
    [Id(0)]
    public Device Current { get; set; } = Device.Unenrolled;
}
