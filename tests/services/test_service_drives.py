"""The import panel's removable drives on Linux, from a fake mounts table and a fake
/sys: what the desktop mounted for the user and what sits on a removable disk, never a
disk, a share or a sandbox mounted under /mnt."""

from pathlib import Path

from fieldkit.services.drives import block_device_removable, read_mounts, removable_mounts

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p1 /boot/efi vfat rw 0 0
/dev/sdb1 /media/lan/KINGSTON vfat rw,nosuid,nodev,uid=1000 0 0
/dev/sdc1 /run/media/lan/USB\\040DISK vfat rw,nosuid,nodev 0 0
/dev/sdd1 /mnt/stick vfat rw 0 0
/dev/sda1 /mnt/data ext4 rw 0 0
tmpfs /mnt/sandboxing/tools tmpfs rw 0 0
//server/share /mnt/share cifs rw 0 0
/dev/sde1 /media/minh/THẺ vfat rw 0 0
"""


def fake_sys(root: Path) -> Path:
    """Disks as /sys/block shows them: sdb and sdd removable, sda and nvme0n1 not."""
    for disk, removable, partitions in (("nvme0n1", "0", ("nvme0n1p1", "nvme0n1p2")), ("sda", "0", ("sda1",)),
                                        ("sdb", "1", ("sdb1",)), ("sdc", "0", ("sdc1",)), ("sdd", "1", ("sdd1",)),
                                        ("sde", "1", ("sde1",))):
        folder = root / "block" / disk
        folder.mkdir(parents=True)
        (folder / "removable").write_text(removable + "\n")
        for partition in partitions:
            (folder / partition).mkdir()
    return root


def test_only_removable_media_are_drives(tmp_path):
    found = removable_mounts(mounts_text=MOUNTS, sys_root=fake_sys(tmp_path), user="lan")
    assert [mount.path for mount in found] == [
        "/media/lan/KINGSTON",  # the desktop's mount for this user (and a removable disk)
        "/run/media/lan/USB DISK",  # the desktop's mount, though the disk does not say removable
        "/mnt/stick",  # under /mnt, on a removable disk
        "/media/minh/THẺ",  # another user's mount point, on a removable disk
    ]


def test_mnt_without_removable_disks_offers_nothing(tmp_path):
    sys_root = tmp_path / "sys"
    (sys_root / "block").mkdir(parents=True)
    mounts = "/dev/vda / ext4 rw 0 0\nmodel_tools /mnt/sandboxing/model_tools_env/v1/python tmpfs rw 0 0\n"
    assert removable_mounts(mounts_text=mounts, sys_root=sys_root, user="vm") == []


def test_block_devices_whole_disk_partition_and_pseudo(tmp_path):
    sys_root = fake_sys(tmp_path)
    assert block_device_removable("/dev/sdb", sys_root=sys_root)
    assert block_device_removable("/dev/sdd1", sys_root=sys_root)
    assert not block_device_removable("/dev/sda1", sys_root=sys_root)
    assert not block_device_removable("/dev/loop9", sys_root=sys_root)
    assert not block_device_removable("tmpfs", sys_root=sys_root)


def test_mount_points_with_spaces_are_read_as_written():
    assert read_mounts("/dev/sdb1 /media/lan/MY\\040STICK vfat rw 0 0\n")[0].path == "/media/lan/MY STICK"
