/**
 * US geographic area codes of the North American Numbering Plan, each with its state and
 * the IANA zone most of its territory keeps. Compiled from NANPA's public list of
 * geographic area code assignments (nationalnanpa.com, "NPA database"); an area code that
 * straddles a zone line (208, 308, 541, 620, 701, 906 …) is given its majority zone.
 * Canadian and Caribbean codes are left out: their contacts need a `timezone` of their own.
 */
const assignments: readonly (readonly [state: string, zone: string, codes: string])[] = [
  ['AL', 'America/Chicago', '205 251 256 334 659 938'],
  ['AK', 'America/Anchorage', '907'],
  ['AZ', 'America/Phoenix', '480 520 602 623 928'],
  ['AR', 'America/Chicago', '327 479 501 870'],
  [
    'CA',
    'America/Los_Angeles',
    '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951',
  ],
  ['CO', 'America/Denver', '303 719 720 970 983'],
  ['CT', 'America/New_York', '203 475 860 959'],
  ['DE', 'America/New_York', '302'],
  ['DC', 'America/New_York', '202 771'],
  ['FL', 'America/New_York', '239 305 321 352 386 407 448 561 645 656 689 727 728 754 772 786 813 863 904 941 954'],
  ['FL', 'America/Chicago', '850'],
  ['GA', 'America/New_York', '229 404 470 478 678 706 762 770 912 943'],
  ['HI', 'Pacific/Honolulu', '808'],
  ['ID', 'America/Boise', '208 986'],
  ['IL', 'America/Chicago', '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'],
  ['IN', 'America/Indiana/Indianapolis', '260 317 463 574 765 812 930'],
  ['IN', 'America/Chicago', '219'],
  ['IA', 'America/Chicago', '319 515 563 641 712'],
  ['KS', 'America/Chicago', '316 620 785 913'],
  ['KY', 'America/New_York', '502 606 859'],
  ['KY', 'America/Chicago', '270 364'],
  ['LA', 'America/Chicago', '225 318 337 504 985'],
  ['ME', 'America/New_York', '207'],
  ['MD', 'America/New_York', '227 240 301 410 443 667'],
  ['MA', 'America/New_York', '339 351 413 508 617 774 781 857 978'],
  ['MI', 'America/Detroit', '231 248 269 313 517 586 616 679 734 810 906 947 989'],
  ['MN', 'America/Chicago', '218 320 507 612 651 763 924 952'],
  ['MS', 'America/Chicago', '228 601 662 769'],
  ['MO', 'America/Chicago', '314 417 557 573 636 660 816 975'],
  ['MT', 'America/Denver', '406'],
  ['NE', 'America/Chicago', '308 402 531'],
  ['NV', 'America/Los_Angeles', '702 725 775'],
  ['NH', 'America/New_York', '603'],
  ['NJ', 'America/New_York', '201 551 609 640 732 848 856 862 908 973'],
  ['NM', 'America/Denver', '505 575'],
  ['NY', 'America/New_York', '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934'],
  ['NC', 'America/New_York', '252 336 472 704 743 828 910 919 980 984'],
  ['ND', 'America/Chicago', '701'],
  ['OH', 'America/New_York', '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'],
  ['OK', 'America/Chicago', '405 539 572 580 918'],
  ['OR', 'America/Los_Angeles', '458 503 541 971'],
  ['PA', 'America/New_York', '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'],
  ['RI', 'America/New_York', '401'],
  ['SC', 'America/New_York', '803 821 839 843 854 864'],
  ['SD', 'America/Chicago', '605'],
  ['TN', 'America/Chicago', '615 629 731 901 931'],
  ['TN', 'America/New_York', '423 865'],
  ['TX', 'America/Chicago', '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979'],
  ['TX', 'America/Denver', '915'],
  ['UT', 'America/Denver', '385 435 801'],
  ['VT', 'America/New_York', '802'],
  ['VA', 'America/New_York', '276 434 540 571 686 703 757 804 826 948'],
  ['WA', 'America/Los_Angeles', '206 253 360 425 509 564'],
  ['WV', 'America/New_York', '304 681'],
  ['WI', 'America/Chicago', '262 274 353 414 534 608 715 920'],
  ['WY', 'America/Denver', '307'],
  ['PR', 'America/Puerto_Rico', '787 939'],
];

export interface AreaCodeHome {
  state: string;
  timezone: string;
}

export const nanpAreaCodes: ReadonlyMap<string, AreaCodeHome> = new Map(
  assignments.flatMap(([state, timezone, codes]) => codes.split(' ').map((code) => [code, { state, timezone }] as const)),
);

/** The area code of a +1 number in E.164, or null for any other number. */
export function areaCodeOf(phone: string): string | null {
  const match = /^\+1([2-9]\d{2})[2-9]\d{6}$/.exec(phone);
  return match ? (match[1] as string) : null;
}
