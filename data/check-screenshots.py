#!/usr/bin/env python3
# The metainfo's screenshots are files of this repository: each <image> names
# a PNG in data/screenshots/ by its address on the main branch, with that
# file's own width and height, and each screenshot has a caption.
#
#   check-screenshots.py METAINFO SCREENSHOTS_DIR
import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/convene/convene/main/data/screenshots/'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError(f'{path} is not a PNG')
    return struct.unpack('>II', head[16:24])


def main():
    metainfo, folder = sys.argv[1:3]
    shots = ET.parse(metainfo).getroot().findall('./screenshots/screenshot')
    problems = []
    if not shots:
        problems.append('the metainfo has no screenshots')
    for shot in shots:
        if not (shot.findtext('caption') or '').strip():
            problems.append('a screenshot has no caption')
        for image in shot.findall('image'):
            url = (image.text or '').strip()
            if not url.startswith(PREFIX):
                problems.append(f'{url}: not a file of data/screenshots/')
                continue
            path = os.path.join(folder, url[len(PREFIX):])
            if not os.path.isfile(path):
                problems.append(f'{url}: no such file {path}')
                continue
            width, height = png_size(path)
            if (image.get('width'), image.get('height')) != (str(width), str(height)):
                problems.append(f'{url}: the metainfo says {image.get("width")}x{image.get("height")}, '
                                f'the file is {width}x{height}')
    for p in problems:
        print(p, file=sys.stderr)
    print(f'{len(shots)} screenshots checked')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
